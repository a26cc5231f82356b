"""Every rule's check, references included. Each is `@check("CODE")` over a RuleContext,
yielding `Issue(message, location, entity)`; the engine stamps code, name and severity."""
