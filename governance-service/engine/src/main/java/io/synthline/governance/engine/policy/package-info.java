/** Classifications, the policy per classification, and the decision on a generation request. */
package io.synthline.governance.engine.policy;
