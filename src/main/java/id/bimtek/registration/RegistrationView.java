package id.bimtek.registration;

import java.time.Instant;

/**
 * What an applicant (and staff) see of a registration; {@code nib} is empty when none was given,
 * {@code offerExpiresAt} only while a seat is offered.
 */
public record RegistrationView(Long id, Long programId, Long batchId, String batch, String reference, String nik,
                               String nib, String name, String businessName, String sector, String district,
                               RegistrationStatus status, Integer waitlistPosition, Instant registeredAt,
                               Integer attendancePercent, Boolean completed, String certificateNumber,
                               Instant offerExpiresAt) {
}
