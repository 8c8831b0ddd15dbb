namespace Microsolidarity.Grouping.Tests;

public sealed class GroupSizesTests
{
    [Theory]
    [InlineData(12, 3, new[] { 3, 3, 3, 3 })]
    [InlineData(7, 2, new[] { 3, 2, 2 })]
    [InlineData(10, 3, new[] { 4, 3, 3 })]
    [InlineData(7, 5, new[] { 4, 3 })]
    [InlineData(3, 5, new[] { 3 })]
    [InlineData(0, 4, new int[0])]
    public void Split_PeopleAndSize_GroupsDifferByAtMostOne(int people, int size, int[] expected) =>
        Assert.Equal(expected, GroupSizes.Split(people, size));

    [Fact]
    public void Split_ManyCases_NobodyAloneAndEveryoneCounted()
    {
        for (var people = 2; people < 80; people++)
        {
            for (var size = 2; size < 9; size++)
            {
                var sizes = GroupSizes.Split(people, size);
                Assert.Equal(people, sizes.Sum());
                Assert.True(sizes.Max() - sizes.Min() <= 1, $"{people} in {size}s");
                Assert.True(sizes.Min() >= 2, $"{people} in {size}s leaves someone alone");
            }
        }
    }
}
