package io.promptmanager.core.byok;

/**
 * What a re-seal did.
 *
 * @param examined every stored key looked at
 * @param resealed sealed again under the newest master key
 * @param failed   could not be opened (each logged with its owner and reason); left as they were
 */
public record ResealReport(int examined, int resealed, int failed) {
}
