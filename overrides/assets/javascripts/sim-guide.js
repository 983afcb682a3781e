/* The guide's own script (kept small; no third-party code). */
