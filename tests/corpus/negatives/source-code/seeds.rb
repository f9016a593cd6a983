Product.create!(name: "Widget", sku: "WID-001", price_cents: 1999)
Product.create!(name: "Gadget", sku: "GAD-002", price_cents: 4999)
