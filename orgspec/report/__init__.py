"""Reports drawn from a view model: labels, tree, diagrams, templating, render."""
