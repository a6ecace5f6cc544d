package io.credence.wallet;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BorrowerProfileRepository extends JpaRepository<BorrowerProfile, UUID> {}
