-- Issue 11: verifications made by signed-in lenders (their history). Anonymous verifications are
-- only in the audit log. The report holds public facts only: the attestation's public fields,
-- the policy and every check with its reason — never a score, an opening or a borrower's wallet.
CREATE TABLE lender_verification (
    id               uuid         PRIMARY KEY,
    lender_address   varchar(42)  NOT NULL CHECK (lender_address = lower(lender_address)),
    verified_at      timestamptz  NOT NULL,
    attestation_uid  varchar(66)  NOT NULL,
    valid            boolean      NOT NULL,
    report           jsonb        NOT NULL
);
CREATE INDEX lender_verification_by_lender ON lender_verification (lender_address, verified_at DESC);
