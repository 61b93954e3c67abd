using TimeVision.Core.Estimating.Pipeline;
using Xunit;

namespace TimeVision.Testing;

/// <summary>
/// The corpus of real drawings in <c>../shared/drawings</c> beside the repository (or wherever
/// <c>TIMEVISION_DRAWINGS</c> points). Users of the repository do not have it, so tests that need it skip.
/// </summary>
public static class SharedDrawings
{
    /// <summary>The theory row a test gets when the corpus is absent; <see cref="Require"/> turns it into a skip.</summary>
    public const string Absent = "(shared drawings absent)";

    /// <summary>The corpus folder, or <see langword="null"/> when it is not on this machine.</summary>
    public static string? Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("TIMEVISION_DRAWINGS");
            var folder = string.IsNullOrEmpty(configured)
                ? Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "drawings"))
                : configured;
            return Directory.Exists(folder) ? folder : null;
        }
    }

    /// <summary>Every PDF's file name, or the single <see cref="Absent"/> row, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> FileNames
    {
        get
        {
            var folder = Folder;
            var names = folder is null
                ? [Absent]
                : Directory.EnumerateFiles(folder, "*.pdf").Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray();
            return new TheoryData<string>(names);
        }
    }

    /// <summary>The full path of one drawing; skips the test when the corpus is absent.</summary>
    public static string Require(string fileName)
    {
        var folder = Folder;
        if (folder is null || fileName == Absent)
        {
            Assert.Skip("The shared drawing corpus (../shared/drawings, or TIMEVISION_DRAWINGS) is not on this machine; tests that need it are skipped.");
        }

        var path = Path.Combine(folder, fileName);
        Assert.True(File.Exists(path), $"{fileName} is missing from {folder}.");
        return path;
    }
}
