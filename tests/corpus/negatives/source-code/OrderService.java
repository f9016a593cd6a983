package io.orbitpay.orders;

public class OrderService {
    private final OrderRepository repo;

    public OrderService(OrderRepository repo) {
        this.repo = repo;
    }

    public Order place(Cart cart) {
        Order order = Order.from(cart);
        return repo.save(order);
    }
}
