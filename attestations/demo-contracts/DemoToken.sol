// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DemoToken — a freely mintable ERC-20 with chosen decimals, for the local demo chains only.
/// @notice The history reader takes symbol() and decimals() from the token, as it does on mainnet.
contract DemoToken is ERC20 {
    uint8 private immutable _decimals;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Anyone may mint: demo chains only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
