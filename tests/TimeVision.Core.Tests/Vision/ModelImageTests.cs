using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Vision;

public sealed class ModelImageTests
{
    [Fact]
    public async Task A_300_dpi_page_is_downscaled_to_2048_on_its_long_side_and_stays_grayscale()
    {
        var page = await RenderedPages.OdriMotorShaftAsync();

        var image = await ModelImage.FromPageAsync(page, 2048, TestContext.Current.CancellationToken);

        var decoded = PngImage.Decode(image.Png.ToArray());
        Assert.Equal((2048, 1448), (image.WidthPx, image.HeightPx));
        Assert.Equal((2048, 1448, true), (decoded.Width, decoded.Height, decoded.IsGrayscale));
        Assert.InRange(decoded.DarkPixelShare, 0.001, 0.5);
        Assert.True(image.Png.ToMemory().Length < page.ToMemory().Length);
    }

    [Fact]
    public async Task A_page_that_already_fits_is_sent_unchanged()
    {
        var page = await RenderedPages.OdriMotorShaftAsync();

        var image = await ModelImage.FromPageAsync(page, 4096, TestContext.Current.CancellationToken);

        Assert.Same(page, image.Png);
        Assert.Equal((3507, 2480), (image.WidthPx, image.HeightPx));
    }

    [Fact]
    public async Task The_same_page_gives_the_same_model_image()
    {
        var page = await RenderedPages.OdriMotorShaftAsync();

        var first = await ModelImage.FromPageAsync(page, 1024, TestContext.Current.CancellationToken);
        var second = await ModelImage.FromPageAsync(page, 1024, TestContext.Current.CancellationToken);

        Assert.Equal(first.Png.ToArray(), second.Png.ToArray());
    }

    [Fact]
    public async Task Bytes_that_are_not_an_image_are_rejected()
    {
        await Assert.ThrowsAsync<InvalidDataException>(
            () => ModelImage.FromPageAsync(BinaryData.FromBytes(TestPdfs.RandomBytes()), 2048, TestContext.Current.CancellationToken));
    }
}
