// Package shop is a sample module for testgate cover's end-to-end tests:
// its files at the module root form one package.
package shop

// Total sums prices in cents.
func Total(prices ...int) int {
	sum := 0
	for _, p := range prices {
		sum += p
	}
	return sum
}

// Discount takes percent off a price; nothing tests it.
func Discount(price, percent int) int {
	if percent <= 0 {
		return price
	}
	return price - price*percent/100
}

// round is a package-level function literal: go test -cover counts its
// statements, go tool cover -func does not.
var round = func(cents int) int {
	if cents%5 < 3 {
		return cents - cents%5
	}
	return cents + 5 - cents%5
}
