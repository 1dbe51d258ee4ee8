/** The caller (tenant, user, roles) from the verified token only, and the realm's role names. */
package io.synthline.service.security;
