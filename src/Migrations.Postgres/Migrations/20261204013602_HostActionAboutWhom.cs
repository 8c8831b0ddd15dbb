using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
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
                type: "character varying(450)",
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
