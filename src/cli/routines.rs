//! Handlers for the routine commands: list, validate, show, paths, completions.
