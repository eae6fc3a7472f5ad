settings = { retention = 3, tags = { Team = "x" } }
