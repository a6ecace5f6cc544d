// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ICometEvents} from "./ICometEvents.sol";
import {DemoPriceFeed} from "./DemoPriceFeed.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @title DemoComet — a Compound-v3-compatible market (one base asset, several collaterals) for the
/// local demo chains.
/// @notice Emits Comet's events with Comet's meaning: a base withdrawal that takes the balance below zero
/// is a borrow, a base supply while negative is a repayment; absorb() liquidates. Keeps balances without
/// interest and moves no tokens: a demo, not a market.
contract DemoComet is ICometEvents {
    struct AssetInfo {
        uint8 offset;
        address asset;
        address priceFeed;
        uint64 scale;
        uint64 borrowCollateralFactor;
        uint64 liquidateCollateralFactor;
        uint64 liquidationFactor;
        uint128 supplyCap;
    }

    address public immutable baseToken;
    address public immutable baseTokenPriceFeed;
    address[] private collaterals;
    mapping(address => address) private feeds;
    mapping(address => int256) private principal;
    mapping(address => mapping(address => uint256)) private collateral;

    error NotCollateral(address asset);
    error NotLiquidatable(address account);

    constructor(address baseToken_, address baseFeed_, address[] memory collaterals_, address[] memory feeds_) {
        baseToken = baseToken_;
        baseTokenPriceFeed = baseFeed_;
        for (uint256 i = 0; i < collaterals_.length; i++) {
            collaterals.push(collaterals_[i]);
            feeds[collaterals_[i]] = feeds_[i];
        }
    }

    function supply(address asset, uint256 amount) external {
        _supply(msg.sender, msg.sender, asset, amount);
    }

    function supplyTo(address dst, address asset, uint256 amount) external {
        _supply(msg.sender, dst, asset, amount);
    }

    function withdraw(address asset, uint256 amount) external {
        if (asset == baseToken) {
            principal[msg.sender] -= int256(amount);
            emit Withdraw(msg.sender, msg.sender, amount);
        } else {
            _collateralOnly(asset);
            collateral[msg.sender][asset] -= amount;
            emit WithdrawCollateral(msg.sender, msg.sender, asset, amount);
        }
    }

    /// @notice Liquidates underwater accounts: seizes all collateral and writes off the debt.
    function absorb(address absorber, address[] calldata accounts) external {
        for (uint256 a = 0; a < accounts.length; a++) {
            address account = accounts[a];
            if (principal[account] >= 0) revert NotLiquidatable(account);
            for (uint256 i = 0; i < collaterals.length; i++) {
                address asset = collaterals[i];
                uint256 amount = collateral[account][asset];
                if (amount == 0) continue;
                collateral[account][asset] = 0;
                emit AbsorbCollateral(absorber, account, asset, amount, _usd(asset, feeds[asset], amount));
            }
            uint256 debt = uint256(-principal[account]);
            principal[account] = 0;
            emit AbsorbDebt(absorber, account, debt, _usd(baseToken, baseTokenPriceFeed, debt));
        }
    }

    function balanceOf(address account) external view returns (uint256) {
        return principal[account] > 0 ? uint256(principal[account]) : 0;
    }

    function borrowBalanceOf(address account) external view returns (uint256) {
        return principal[account] < 0 ? uint256(-principal[account]) : 0;
    }

    function collateralBalanceOf(address account, address asset) external view returns (uint128) {
        return uint128(collateral[account][asset]);
    }

    function numAssets() external view returns (uint8) {
        return uint8(collaterals.length);
    }

    function getAssetInfo(uint8 i) public view returns (AssetInfo memory) {
        address asset = collaterals[i];
        return AssetInfo(
            i, asset, feeds[asset], uint64(10 ** IERC20Metadata(asset).decimals()), 0.8e18, 0.85e18, 0.93e18, type(uint128).max
        );
    }

    function getAssetInfoByAddress(address asset) external view returns (AssetInfo memory) {
        for (uint8 i = 0; i < collaterals.length; i++) {
            if (collaterals[i] == asset) return getAssetInfo(i);
        }
        revert NotCollateral(asset);
    }

    /// @notice Comet's getPrice: the feed's answer, USD with 8 decimals.
    function getPrice(address priceFeed) public view returns (uint256) {
        (, int256 answer,,,) = DemoPriceFeed(priceFeed).latestRoundData();
        return uint256(answer);
    }

    function _supply(address from, address dst, address asset, uint256 amount) private {
        if (asset == baseToken) {
            principal[dst] += int256(amount);
            emit Supply(from, dst, amount);
        } else {
            _collateralOnly(asset);
            collateral[dst][asset] += amount;
            emit SupplyCollateral(from, dst, asset, amount);
        }
    }

    function _collateralOnly(address asset) private view {
        if (feeds[asset] == address(0)) revert NotCollateral(asset);
    }

    function _usd(address asset, address feed, uint256 amount) private view returns (uint256) {
        return (amount * getPrice(feed)) / (10 ** IERC20Metadata(asset).decimals());
    }
}
