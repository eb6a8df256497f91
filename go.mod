module github.com/aiready/aiready

go 1.26.0

require golang.org/x/text v0.44.0

require (
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
)
