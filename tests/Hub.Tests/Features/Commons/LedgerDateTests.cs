using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data.Commons;

namespace Microsolidarity.Hub.Tests.Features.Commons;

/// <summary>The ledger records money that has moved: a date in year 9999 (or 0001) is refused beside the field, never a 500.</summary>
[Collection("commons")]
public sealed class LedgerDateTests(CommonsFixture commons)
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task Payment_FarDate_IsRefusedBesideThePledge(string date)
    {
        var (_, treasurer) = await commons.PersonAsync("Teller", CommonsRoleKind.Treasurer);
        var (member, client) = await commons.PersonAsync("Pledger");
        await client.SubmitAsync("/commons/contribute", new Dictionary<string, string> { ["Input.Amount"] = "3", ["Input.Currency"] = "EUR", ["Input.Monthly"] = "true" }, "Pledge");
        var pledge = await commons.DbAsync(db => db.Pledges.SingleAsync(p => p.UserId == member.Id));
        var (response, page) = await treasurer.SubmitAsync("/commons/treasury", new Dictionary<string, string>
        { ["pledgeId"] = pledge.Id.ToString(), ["paymentAmount"] = "3.00", ["paymentDate"] = date }, "Payment");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("a date from 2000 up to today", page.QuerySelector($"#error-{pledge.Id}")!.TextContent);
        Assert.Null(await commons.DbAsync(db => db.Pledges.Where(p => p.Id == pledge.Id).Select(p => p.PaidThrough).SingleAsync()));
    }

    [Fact]
    public async Task Entry_DateInYear9999_IsRefusedBesideTheField()
    {
        var (_, treasurer) = await commons.PersonAsync("Keeper", CommonsRoleKind.Treasurer);
        var (response, page) = await treasurer.SubmitAsync("/commons/treasury", new Dictionary<string, string>
        {
            ["Kind"] = "Expense",
            ["Amount"] = "10",
            ["Currency"] = "EUR",
            ["Description"] = "Far future",
            ["Category"] = "",
            ["Date"] = "9999-12-31",
        }, "Entry");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("a date from 2000 up to today", page.QuerySelector("#entry-date-error")!.TextContent);
    }
}
