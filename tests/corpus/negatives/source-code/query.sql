SELECT c.id, c.email, SUM(i.total_cents) AS revenue
FROM customers c JOIN invoices i ON i.customer_id = c.id
WHERE i.paid_at >= NOW() - INTERVAL '30 days'
GROUP BY c.id, c.email
ORDER BY revenue DESC
LIMIT 50;
