// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {IPool} from "@aave/core-v3/contracts/interfaces/IPool.sol";
import {IPriceOracleGetter} from "@aave/core-v3/contracts/interfaces/IPriceOracleGetter.sol";
import {DataTypes} from "@aave/core-v3/contracts/protocol/libraries/types/DataTypes.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @title DemoAavePool — an Aave-v3-compatible pool for the local demo chains.
/// @notice Emits Aave v3's own IPool events (declared in @aave/core-v3, emitted by qualified name so
/// their signatures cannot drift) with Aave's argument order and meaning. It keeps only the book-keeping
/// getUserAccountData needs (amounts per user and asset) and moves no tokens: a demo, not a pool.
contract DemoAavePool {
    /// Aave's 80% liquidation threshold, in basis points.
    uint256 private constant LIQUIDATION_THRESHOLD = 8000;
    uint256 private constant LTV = 7500;

    IPriceOracleGetter public immutable oracle;
    address[] private assets;
    mapping(address => bool) private listed;
    mapping(address => mapping(address => uint256)) public supplied;
    mapping(address => mapping(address => uint256)) public borrowed;

    error NotListed(address asset);
    error Insufficient();

    constructor(IPriceOracleGetter oracle_, address[] memory assets_) {
        oracle = oracle_;
        for (uint256 i = 0; i < assets_.length; i++) {
            assets.push(assets_[i]);
            listed[assets_[i]] = true;
        }
    }

    function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode) external {
        _listed(asset);
        supplied[onBehalfOf][asset] += amount;
        emit IPool.Supply(asset, msg.sender, onBehalfOf, amount, referralCode);
    }

    function withdraw(address asset, uint256 amount, address to) external returns (uint256) {
        _listed(asset);
        if (supplied[msg.sender][asset] < amount) revert Insufficient();
        supplied[msg.sender][asset] -= amount;
        emit IPool.Withdraw(asset, msg.sender, to, amount);
        return amount;
    }

    function borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)
        external
    {
        _listed(asset);
        borrowed[onBehalfOf][asset] += amount;
        emit IPool.Borrow(
            asset, msg.sender, onBehalfOf, amount, DataTypes.InterestRateMode(interestRateMode), 5e25, referralCode
        );
    }

    function repay(address asset, uint256 amount, uint256, address onBehalfOf) external returns (uint256) {
        _listed(asset);
        if (borrowed[onBehalfOf][asset] < amount) revert Insufficient();
        borrowed[onBehalfOf][asset] -= amount;
        emit IPool.Repay(asset, onBehalfOf, msg.sender, amount, false);
        return amount;
    }

    /// @notice Covers debtToCover of the user's debt in debtAsset and seizes collateral worth it plus a 5% bonus.
    function liquidationCall(
        address collateralAsset,
        address debtAsset,
        address user,
        uint256 debtToCover,
        bool receiveAToken
    ) external {
        _listed(collateralAsset);
        _listed(debtAsset);
        if (borrowed[user][debtAsset] < debtToCover) revert Insufficient();
        borrowed[user][debtAsset] -= debtToCover;
        uint256 debtValue = _value(debtAsset, debtToCover);
        uint256 unit = 10 ** IERC20Metadata(collateralAsset).decimals();
        uint256 seized = (debtValue * 105 * unit) / (100 * oracle.getAssetPrice(collateralAsset));
        if (seized > supplied[user][collateralAsset]) seized = supplied[user][collateralAsset];
        supplied[user][collateralAsset] -= seized;
        emit IPool.LiquidationCall(collateralAsset, debtAsset, user, debtToCover, seized, msg.sender, receiveAToken);
    }

    /// @notice Emits FlashLoan as Aave's flashLoanSimple does (mode NONE, 0.05% premium); calls no receiver.
    function flashLoanSimple(address receiverAddress, address asset, uint256 amount, bytes calldata, uint16 referralCode)
        external
    {
        _listed(asset);
        emit IPool.FlashLoan(
            receiverAddress, msg.sender, asset, amount, DataTypes.InterestRateMode.NONE, (amount * 5) / 10000, referralCode
        );
    }

    /// @notice Aave v3's getUserAccountData: values in the oracle's base currency (USD, 8 decimals),
    /// health factor with 18 decimals (type(uint256).max without debt).
    function getUserAccountData(address user)
        external
        view
        returns (
            uint256 totalCollateralBase,
            uint256 totalDebtBase,
            uint256 availableBorrowsBase,
            uint256 currentLiquidationThreshold,
            uint256 ltv,
            uint256 healthFactor
        )
    {
        for (uint256 i = 0; i < assets.length; i++) {
            totalCollateralBase += _value(assets[i], supplied[user][assets[i]]);
            totalDebtBase += _value(assets[i], borrowed[user][assets[i]]);
        }
        uint256 maxBorrow = (totalCollateralBase * LTV) / 10000;
        availableBorrowsBase = maxBorrow > totalDebtBase ? maxBorrow - totalDebtBase : 0;
        currentLiquidationThreshold = LIQUIDATION_THRESHOLD;
        ltv = LTV;
        healthFactor = totalDebtBase == 0
            ? type(uint256).max
            : (totalCollateralBase * LIQUIDATION_THRESHOLD * 1e18) / (10000 * totalDebtBase);
    }

    function _value(address asset, uint256 amount) private view returns (uint256) {
        return (amount * oracle.getAssetPrice(asset)) / (10 ** IERC20Metadata(asset).decimals());
    }

    function _listed(address asset) private view {
        if (!listed[asset]) revert NotListed(asset);
    }
}
