const stripe = Stripe("pk_live_51PBx2L2eZvKYlo2CqZ8xTnW4vLbMk3R7yU1oP5aS9dF2gH6jK0lZ4xC8vB1nM5qW9eR3tY7uI2oP6aS0dF4gH8jK2lZ6xC0vB4n00aBcDeFgH");
// publishable keys are meant for the browser
