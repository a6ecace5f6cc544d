// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @title ICometEvents — the events of Compound v3's Comet market as its published ABI declares them
/// (CometMainInterface in compound-finance/comet; the deployed markets' ABI uses uint256 amounts).
/// No npm package ships Comet's ABI, so the backend's CometEventsTest checks the reader's topic hashes
/// against the same declarations kept there as the published ABI's JSON.
interface ICometEvents {
    event Supply(address indexed from, address indexed dst, uint256 amount);
    event Withdraw(address indexed src, address indexed to, uint256 amount);
    event SupplyCollateral(address indexed from, address indexed dst, address indexed asset, uint256 amount);
    event WithdrawCollateral(address indexed src, address indexed to, address indexed asset, uint256 amount);
    event AbsorbDebt(address indexed absorber, address indexed borrower, uint256 basePaidOut, uint256 usdValue);
    event AbsorbCollateral(
        address indexed absorber, address indexed borrower, address indexed asset, uint256 collateralAbsorbed, uint256 usdValue
    );
}
