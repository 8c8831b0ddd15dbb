using Microsoft.Extensions.Localization;
using Microsolidarity.Grouping;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Rounds;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.Rounds;

/// <summary>What a member who is not placed is told comes from the kind of reason, not from matching the search's English words.</summary>
public sealed class NotPlacedReasonTests
{
    [Fact]
    public void NotPlaced_SameNumbersAsTheGroupingLibrarysKinds()
    {
        // RunRound stores the library's kind by its number.
        foreach (var kind in Enum.GetValues<UnplacedKind>())
        {
            Assert.Equal(kind.ToString(), ((NotPlaced)(int)kind).ToString());
        }
    }

    [Theory]
    [InlineData(NotPlaced.NoHours, "gave no weekly hours, so no crew could meet with them", "You gave no weekly hours")]
    [InlineData(NotPlaced.NoSharedHours, "shares no weekly hour with enough others to make a crew of 3; more hours would help", "None of your free hours")]
    [InlineData(NotPlaced.TooFewPeople, "fewer than 3 people could be placed in this round", "Too few people")]
    [InlineData(NotPlaced.NoCrewCouldTakeThem, "any words at all", "No proposed crew could take you")]
    [InlineData(NotPlaced.Declined, "declined the proposed crew", "You declined")]
    [InlineData(NotPlaced.LeftOutByHosts, "the hosts left them out of this proposal", "The hosts left you out")]
    // A round proposed before kinds were stored: the old words decide, and an old "preferences" reason reads as the one reason.
    [InlineData(NotPlaced.Unknown, "someone's preferences kept them apart", "No proposed crew could take you")]
    [InlineData(NotPlaced.Unknown, "declined the proposed crew", "You declined")]
    [InlineData(NotPlaced.Unknown, "", "")]
    public void ReasonForMember_ByKind_SaysItToThePerson(NotPlaced kind, string stored, string start) =>
        Assert.StartsWith(start, RoundModel.ReasonForMember(kind, stored, English));

    /// <summary>The hub's words as a page in English reads them.</summary>
    private static readonly IStringLocalizer English = HubWords.Localizer;
}
