namespace Microsolidarity.Grouping.Tests;

public sealed class RelationshipsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(5, 10)]
    [InlineData(50, 1225)]
    [InlineData(150, 11175)]
    public void Among_GroupOfN_IsNTimesNMinusOneOverTwo(int people, long expected) =>
        Assert.Equal(expected, Relationships.Among(people));

    [Fact]
    public void Among_LargeNumbers_DoesNotOverflow() =>
        Assert.Equal(4_999_950_000L, Relationships.Among(100_000));
}
