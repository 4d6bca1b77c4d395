/**
 * The default key storage: AES-256-GCM (Bouncy Castle's lightweight API) under master keys from
 * the {@code master-keys} setting or a key file created at first start. See docs/keystore.md.
 */
package io.promptmanager.plugins.keystore;
