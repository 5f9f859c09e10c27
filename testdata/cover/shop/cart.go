package shop

// Cart holds prices in cents.
type Cart struct{ items []int }

// Add puts a price into the cart.
func (c *Cart) Add(price int) { c.items = append(c.items, price) }

// Sum totals the cart, rounded to 5 cents.
func (c *Cart) Sum() int { return round(Total(c.items...)) }
