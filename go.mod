module github.com/aiready/aiready

go 1.26.0

require golang.org/x/text v0.44.0

require github.com/BurntSushi/toml v1.6.0 // indirect
