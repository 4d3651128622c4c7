"""What other clinics' sites use: embed variants, the API and oEmbed feeds, the for-clinics pages."""
