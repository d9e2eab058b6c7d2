<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an RSS 2.0 or Atom 1.0 feed of this site as a readable page when a person opens it in a
  browser, with a hint on how to subscribe. Feed readers ignore it. Linked from each feed by an
  xml-stylesheet processing instruction, which leaves the feed valid.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>

  <xsl:template match="/">
    <html lang="{/rss/channel/language | /atom:feed/@xml:lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (web feed)</title>
        <style>
          body { font: 1rem/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
          .hint { background: #fff6d6; border: 1px solid #e6c65c; padding: .75rem 1rem; border-radius: .25rem; }
          code { word-break: break-all; }
          li { margin: .75rem 0; }
          time { color: #555; font-size: .875rem; display: block; }
        </style>
      </head>
      <body>
        <p class="hint">
          <strong>This is a web feed.</strong> To subscribe, copy this page's address into your news reader:
          <code><xsl:value-of select="$self"/></code>
        </p>
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
        <p><a href="{$home}">Visit the site</a></p>
        <ul>
          <xsl:for-each select="/rss/channel/item">
            <li><a href="{link}"><xsl:value-of select="title"/></a><time><xsl:value-of select="pubDate"/></time></li>
          </xsl:for-each>
          <xsl:for-each select="/atom:feed/atom:entry">
            <li><a href="{atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="atom:title" disable-output-escaping="yes"/></a><time><xsl:value-of select="atom:published"/></time></li>
          </xsl:for-each>
        </ul>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
