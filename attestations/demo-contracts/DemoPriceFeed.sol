// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @title DemoPriceFeed — a Chainlink-style USD price feed (8 decimals) whose answer the deployer sets.
contract DemoPriceFeed {
    address public immutable owner;
    int256 private answer;
    uint80 private round;

    error NotOwner();

    constructor(int256 answer_) {
        owner = msg.sender;
        answer = answer_;
        round = 1;
    }

    function setAnswer(int256 answer_) external {
        if (msg.sender != owner) revert NotOwner();
        answer = answer_;
        round++;
    }

    function decimals() external pure returns (uint8) {
        return 8;
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (round, answer, block.timestamp, block.timestamp, round);
    }
}
