"""Running rules: registry, context, selection plan, declarative rules, the lint loop."""
