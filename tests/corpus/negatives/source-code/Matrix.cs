public readonly struct Matrix2
{
    public readonly double A, B, C, D;
    public Matrix2(double a, double b, double c, double d) => (A, B, C, D) = (a, b, c, d);
    public double Determinant => A * D - B * C;
}
