package main

import (
	"fmt"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New("xoxp-897751235365-529367536076-1909119439605-b3e773db5210be43019734a6bce9a5a3")
	history, err := api.GetConversationHistory(&slack.GetConversationHistoryParameters{ChannelID: "C05AB1CD2EF"})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(history.Messages))
}
