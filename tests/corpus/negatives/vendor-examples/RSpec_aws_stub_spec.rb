RSpec.describe Uploader do
  before do
    Aws.config.update(stub_responses: true,
                      credentials: Aws::Credentials.new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
  end

  it "uploads" do
    expect(described_class.new.upload("a.txt")).to be_truthy
  end
end
