package io.credence.borrower.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BorrowerProfileRepository extends JpaRepository<BorrowerProfile, UUID> {}
