using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using TimeVision.Cli.Serve;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// The admin's actions and the training download show for the admin only (serve with the estimators' and the admin's
/// tokens, as on a shop's network), and the retirement notice is one line that can be hidden for the day.
/// </summary>
public sealed class RolesAndRetirementTests(BrowserFixture browser, RolesAndRetirementTests.TokenServer server)
    : PageTestBase(browser, server), IClassFixture<RolesAndRetirementTests.TokenServer>
{
    private const string EstimatorToken = "estimators-token-for-the-page-tests";
    private const string AdminToken = "admins-token-for-the-page-tests-0001";

    [Fact]
    public async Task An_estimator_sees_no_admin_actions_nor_the_rates_and_the_admin_sees_them_with_the_training_download()
    {
        var id = await SharedShaftAsync();
        using (var deleted = await Http.DeleteAsync(new Uri($"api/estimates/{id}", UriKind.Relative), Token))
        {
            deleted.EnsureSuccessStatusCode();
        }

        await OpenAsync($"estimates/{id}?token={EstimatorToken}");
        await Expect(Page.Locator("#active-model")).ToBeVisibleAsync();
        await Expect(Page.Locator(".notice")).ToContainTextAsync("Dokument je smazán");
        await Expect(Page.Locator("#admin")).ToHaveCountAsync(0);
        await Expect(Page.Locator("button", new() { HasText = "Smazat soubory natrvalo" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("a[href='/api/training/export']")).ToHaveCountAsync(0);
        await Expect(Page.Locator("a[href='/admin/rates']")).ToHaveCountAsync(0);
        await OpenAsync($"admin/rates?token={EstimatorToken}");
        await Expect(Page.Locator("#rates-refused")).ToHaveTextAsync("Chyba: tuto akci smí jen správce");
        await Expect(Page.Locator("#rates-form")).ToHaveCountAsync(0);

        await OpenAsync($"estimates/{id}?token={AdminToken}");
        await Expect(Page.Locator("#admin summary")).ToHaveTextAsync("Správa");
        await Expect(Page.Locator("#admin a[href='/api/training/export']")).ToHaveTextAsync("Stáhnout tréninková data");
        await Expect(Page.Locator("button", new() { HasText = "Smazat soubory natrvalo" })).ToHaveCountAsync(1);
        await Expect(Page.Locator("#admin a[href='/admin/rates']")).ToHaveTextAsync("Sazby a pracoviště");
        await OpenAsync($"admin/rates?token={AdminToken}");
        await Expect(Page.Locator("#rates-form")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(1, "zbývá 1 den")]
    [InlineData(3, "zbývají 3 dny")]
    [InlineData(12, "zbývá 12 dní")]
    public async Task The_retirement_notice_counts_days_in_czech_takes_one_line_on_a_phone_and_hides_until_tomorrow(int days, string left)
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.RouteAsync("**/api/model-info", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new { activeModel = "gpt-4o-2024-08-06", fineTuned = false, daysLeft = days, retiresOn = "2027-01-14", candidates = Array.Empty<string>() }),
        }));

        await OpenAsync($"?token={EstimatorToken}");

        var notice = Page.Locator("#retiring");
        await Expect(notice).ToContainTextAsync(left);
        Assert.True((await notice.BoundingBoxAsync())!.Height <= 40, "the notice takes more than one line");
        Assert.True((await Page.Locator("header.top").BoundingBoxAsync())!.Height <= 844 / 6.0, "the header takes more than a sixth of the phone's screen");
        await notice.Locator("button").ClickAsync();
        await Expect(notice).ToHaveCountAsync(0);
        await Page.ReloadAsync();
        await Expect(Page.Locator("#active-model")).ToBeVisibleAsync();
        await Expect(Page.Locator("#retiring")).ToHaveCountAsync(0);
    }

    /// <summary>Serve on loopback asking for the estimators' or the admin's token; its API client holds the admin's.</summary>
    public sealed class TokenServer : PageServer
    {
        private protected override ServeSettings Settings => new(IPAddress.Loopback, 0, EstimatorToken, AdminToken);

        protected override void Authorize(HttpClient client) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }
}
