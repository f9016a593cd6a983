class Invoice
  attr_reader :lines

  def initialize(lines)
    @lines = lines
  end

  def total
    lines.sum { |l| l.quantity * l.unit_price }
  end
end
