namespace Microsolidarity.Grouping;

/// <summary>
/// GF(q) for the small prime powers that affine planes need (4, 8, 9, 16 as well as primes): elements are
/// 0..q-1, read as polynomials over GF(p) in base p, multiplied modulo an irreducible polynomial.
/// </summary>
internal sealed class FiniteField
{
    // Irreducible polynomials, lowest coefficient first, without the leading 1.
    private static readonly Dictionary<int, (int P, int[] Modulus)> Extensions = new()
    {
        [4] = (2, [1, 1]),        // x^2 + x + 1
        [8] = (2, [1, 1, 0]),     // x^3 + x + 1
        [9] = (3, [1, 0]),        // x^2 + 1
        [16] = (2, [1, 1, 0, 0]), // x^4 + x + 1
        [25] = (5, [2, 1]),       // x^2 + x + 2
        [27] = (3, [1, 2, 0]),    // x^3 + 2x + 1
        [32] = (2, [1, 0, 1, 0, 0]), // x^5 + x^2 + 1
    };

    private readonly int[,] add;
    private readonly int[,] mul;

    public int Order { get; }

    private FiniteField(int q, int[,] add, int[,] mul) => (Order, this.add, this.mul) = (q, add, mul);

    public int Add(int a, int b) => add[a, b];
    public int Multiply(int a, int b) => mul[a, b];

    public static FiniteField? Of(int q)
    {
        if (q < 2)
        {
            return null;
        }
        if (IsPrime(q))
        {
            return Build(q, q, 1, []);
        }
        return Extensions.TryGetValue(q, out var e) ? Build(q, e.P, e.Modulus.Length, e.Modulus) : null;
    }

    private static FiniteField Build(int q, int p, int degree, int[] modulus)
    {
        var add = new int[q, q];
        var mul = new int[q, q];
        for (var a = 0; a < q; a++)
        {
            for (var b = 0; b < q; b++)
            {
                var da = Digits(a, p, degree);
                var db = Digits(b, p, degree);
                add[a, b] = Number(da.Zip(db, (x, y) => (x + y) % p).ToArray(), p);
                mul[a, b] = degree == 1 ? a * b % p : Number(Times(da, db, p, modulus), p);
            }
        }
        return new FiniteField(q, add, mul);
    }

    private static int[] Times(int[] a, int[] b, int p, int[] modulus)
    {
        var d = a.Length;
        var product = new int[2 * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                product[i + j] = (product[i + j] + a[i] * b[j]) % p;
            }
        }
        // x^d = -(modulus): fold the high terms down.
        for (var k = 2 * d - 1; k >= d; k--)
        {
            var c = product[k];
            if (c == 0)
            {
                continue;
            }
            product[k] = 0;
            for (var i = 0; i < d; i++)
            {
                product[k - d + i] = ((product[k - d + i] - c * modulus[i]) % p + p) % p;
            }
        }
        return product[..d];
    }

    private static int[] Digits(int value, int p, int degree)
    {
        var digits = new int[degree];
        for (var i = 0; i < degree; i++, value /= p)
        {
            digits[i] = value % p;
        }
        return digits;
    }

    private static int Number(int[] digits, int p)
    {
        var value = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            value = value * p + digits[i];
        }
        return value;
    }

    private static bool IsPrime(int n)
    {
        for (var d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }
        return n >= 2;
    }
}
