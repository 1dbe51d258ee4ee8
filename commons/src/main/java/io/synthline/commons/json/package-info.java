/** The one Jackson configuration every contract is read and written with. */
package io.synthline.commons.json;
