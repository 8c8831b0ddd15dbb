using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HostActionAboutWhom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AboutUserId",
                table: "CongregationHostActions",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AboutUserId",
                table: "CongregationHostActions");
        }
    }
}
