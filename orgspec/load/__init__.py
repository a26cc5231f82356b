"""Reading: discovery, bytes and YAML events, source maps, suppression comments, config."""
