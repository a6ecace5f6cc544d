// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ICreditRegistry} from "./interfaces/ICreditRegistry.sol";

/// @title Example lender: an ETH pool that lends only to holders of a valid Credence attestation
/// proving a score of at least `minScore`.
/// @dev Demonstrates reading the registry from another contract; not a production lending pool
/// (no interest, no collateral, no liquidation).
contract ExampleLendingPool {
    ICreditRegistry public immutable registry;
    uint16 public immutable minScore;
    uint256 public immutable maxLoan;
    mapping(address borrower => uint256 amount) public debtOf;

    event Borrowed(address indexed borrower, uint256 amount);
    event Repaid(address indexed borrower, uint256 amount);

    error CreditCheckFailed(address borrower, uint16 minScore);
    error LoanTooLarge(uint256 requested, uint256 maxLoan);
    error TransferFailed();

    constructor(ICreditRegistry registry_, uint16 minScore_, uint256 maxLoan_) payable {
        registry = registry_;
        minScore = minScore_;
        maxLoan = maxLoan_;
    }

    function borrow(uint256 amount) external {
        if (!registry.meetsThreshold(msg.sender, minScore)) revert CreditCheckFailed(msg.sender, minScore);
        uint256 debt = debtOf[msg.sender] + amount;
        if (debt > maxLoan) revert LoanTooLarge(debt, maxLoan);
        debtOf[msg.sender] = debt;
        emit Borrowed(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    function repay() external payable {
        debtOf[msg.sender] -= msg.value;
        emit Repaid(msg.sender, msg.value);
    }

    receive() external payable {}
}
