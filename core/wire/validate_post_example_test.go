package wire_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

func ExampleHandle_validatePost() {
	fmt.Println(string(wire.Handle("validatePost", []byte(`{"text":"Hi @jack, see x.com/about #news 🎉"}`))))
	// Output:
	// {"ok":true,"result":{"valid":true,"weightedLength":46,"maxLength":280,"permillage":164,"validRange":{"start":0,"end":34},"displayRange":{"start":0,"end":34},"config":"v3","entities":{"urls":[{"url":"x.com/about","span":{"start":14,"end":25}}],"mentions":[{"username":"jack","span":{"start":3,"end":8}}],"hashtags":[{"tag":"news","span":{"start":26,"end":31}}],"cashtags":[]},"diagnostics":[]}}
}
