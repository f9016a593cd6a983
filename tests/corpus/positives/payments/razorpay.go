package payments

import razorpay "github.com/razorpay/razorpay-go"

var Client = razorpay.NewClient("rzp_live_8cxKCdWUgewb0n", "RjcQ0IBbtn1SDVSSdc834M0A")
