use reqwest::blocking::Client;

const API_TOKEN: &str = "9x6BJkIDmNRKZDxmjCTeFtd6xJ0D2wbbnV9C";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let body = Client::new()
        .get("https://inventory.orbitpay.internal/v1/stock")
        .bearer_auth(API_TOKEN)
        .send()?
        .text()?;
    println!("{body}");
    Ok(())
}
