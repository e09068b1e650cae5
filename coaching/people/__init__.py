"""People: new hires' profiles, who coaches whom, who may see whom, and HR's admin screens."""
