// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {IPriceOracleGetter} from "@aave/core-v3/contracts/interfaces/IPriceOracleGetter.sol";

/// @title DemoAaveOracle — Aave v3's price oracle interface with prices set by the deployer.
/// @notice Prices are in USD with 8 decimals (BASE_CURRENCY_UNIT = 1e8), as Aave v3 on Ethereum.
contract DemoAaveOracle is IPriceOracleGetter {
    address public immutable owner;
    mapping(address => uint256) private prices;

    error NotOwner();

    constructor() {
        owner = msg.sender;
    }

    function setAssetPrice(address asset, uint256 price) external {
        if (msg.sender != owner) revert NotOwner();
        prices[asset] = price;
    }

    function BASE_CURRENCY() external pure returns (address) {
        return address(0);
    }

    function BASE_CURRENCY_UNIT() external pure returns (uint256) {
        return 1e8;
    }

    function getAssetPrice(address asset) external view returns (uint256) {
        return prices[asset];
    }
}
