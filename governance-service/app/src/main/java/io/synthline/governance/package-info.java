/** The governance service: the append-only audit trail of every domain event (more governance lands here). */
package io.synthline.governance;
