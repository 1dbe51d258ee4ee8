/** The dataset API: uploads (one table or several), the tenant's datasets, profiles (JSON and HTML), declared column types. */
package io.synthline.profiler.rest;
